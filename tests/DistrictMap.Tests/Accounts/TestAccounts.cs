using System.Web;
using DistrictMap.Api.Accounts;
using DistrictMap.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DistrictMap.Tests.Accounts;

/// <summary>Accounts for tests, made as an admin makes them: an invitation, then the password set through its link.</summary>
public static class TestAccounts
{
    public const string Password = "synthetic-pass-1234";

    /// <returns>The account's id.</returns>
    public static async Task<int> CreateAsync(TestDatabase db, string email, string name, string role, int? partnerId, string password = Password)
    {
        await using var scope = db.Services.CreateAsyncScope();
        var invitations = scope.ServiceProvider.GetRequiredService<AccountInvitations>();
        var (id, token) = ParseLink(await invitations.InviteAsync(email, name, role, partnerId, "test setup", CancellationToken.None));
        var result = await invitations.SetPasswordAsync(id, token, password, CancellationToken.None);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        return id;
    }

    /// <summary>The account id and token of a set-password link.</summary>
    public static (int Account, string Token) ParseLink(string link)
    {
        var query = HttpUtility.ParseQueryString(new Uri(link).Query);
        return (int.Parse(query["account"]!, System.Globalization.CultureInfo.InvariantCulture), query["token"]!);
    }
}
