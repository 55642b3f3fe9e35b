using System.ComponentModel;
using DistrictMap.Api.Access;
using DistrictMap.Api.Accounts;
using DistrictMap.Api.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using Spectre.Console.Cli;

namespace DistrictMap.Api.Cli.Commands;

internal sealed class AccountAddAdminSettings : CommandSettings
{
    [CommandOption("--email <EMAIL>")]
    [Description("The admin's email: where the link to choose a password is sent, and the name to sign in with.")]
    public string Email { get; init; } = "";

    [CommandOption("--name <NAME>")]
    [Description("The admin's name, as the pages and the audit log show it.")]
    public string Name { get; init; } = "";

    [CommandOption("--partner <NAME-OR-ID>")]
    [Description("The partner organisation the admin belongs to, if any (a name from /api/partners, or its id).")]
    public string? Partner { get; init; }
}

[Description("Create an admin account (the first one, typically). A link to choose its password is mailed to the pickup folder and printed.")]
internal sealed class AccountAddAdminCommand(AccountInvitations invitations, AccountMail mail, DistrictMapDbContext db, DatabaseMigrator migrator)
    : AsyncCommand<AccountAddAdminSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, AccountAddAdminSettings settings, CancellationToken cancellationToken)
    {
        await migrator.MigrateAsync(cancellationToken);
        if (!System.Net.Mail.MailAddress.TryCreate(settings.Email.Trim(), out _))
        {
            throw new CliException("give --email: the admin's email address");
        }

        if (string.IsNullOrWhiteSpace(settings.Name))
        {
            throw new CliException("give --name: the admin's name");
        }

        int? partnerId = null;
        if (settings.Partner is { } wanted)
        {
            partnerId = (await db.Partners.FirstOrDefaultAsync(p => p.Name == wanted || p.Id.ToString() == wanted, cancellationToken)
                ?? throw new CliException($"there is no partner '{wanted}': see /api/partners")).Id;
        }

        try
        {
            var link = await invitations.InviteAsync(settings.Email, settings.Name, Roles.Admin, partnerId, "command line", cancellationToken);
            Console.WriteLine(link);
            Console.Error.WriteLine($"Created admin {settings.Email.Trim()}; the link to choose a password (printed above) was also mailed to {mail.PickupFolder}.");
            return 0;
        }
        catch (AccountException e)
        {
            throw new CliException(e.Message);
        }
    }
}
