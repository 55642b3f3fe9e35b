using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace DistrictMap.Api.Accounts;

/// <summary>
/// Sends the mail accounts need (invitations and reset links) by writing each message as an .eml file into the
/// configured pickup folder, through System.Net.Mail's pickup-directory delivery.
/// </summary>
public sealed class AccountMail(IOptions<AccountOptions> options)
{
    public string PickupFolder => Path.GetFullPath(options.Value.MailPickupFolder);

    public async Task SendAsync(string to, string subject, string body, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(PickupFolder);
        using var message = new MailMessage(options.Value.MailFrom, to, subject, body);
        using var client = new SmtpClient { DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory, PickupDirectoryLocation = PickupFolder };
        await client.SendMailAsync(message, cancellationToken);
    }
}
