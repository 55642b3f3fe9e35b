using DistrictMap.Tests.Infrastructure;

namespace DistrictMap.Tests.Cli;

/// <summary>The first admin, made on the command line: an invitation mailed to the pickup folder, its link printed.</summary>
public sealed class AccountCommandTests : DatabaseTest
{
    [Fact]
    public async Task Add_admin_mails_and_prints_a_set_password_link_and_refuses_a_second_account_with_the_same_email()
    {
        var folder = Directory.CreateTempSubdirectory("districtmap-cli-").FullName;
        try
        {
            var (exitCode, output, error) = await CliProcess.RunAsync(Db.ConnectionString, folder, "accounts", "add-admin", "--email", "jo@example.org", "--name", "Synthetic Admin");

            Assert.True(exitCode == 0, error);
            Assert.Matches("^http://127\\.0\\.0\\.1:5080/account/set-password\\?account=\\d+&token=\\S+$", output.Trim());
            var mail = Assert.Single(Directory.GetFiles(Path.Combine(folder, "mail-pickup"), "*.eml"));
            Assert.Contains("To: jo@example.org", await File.ReadAllTextAsync(mail), StringComparison.Ordinal);
            Assert.Equal("admin", await Db.ScalarAsync<string>("SELECT role FROM accounts WHERE email = 'jo@example.org'"));
            Assert.Null(await Db.ScalarAsync<string>("SELECT password_hash FROM accounts WHERE email = 'jo@example.org'"));

            var (again, _, twice) = await CliProcess.RunAsync(Db.ConnectionString, folder, "accounts", "add-admin", "--email", "jo@example.org", "--name", "Synthetic Admin");
            Assert.Equal(1, again);
            Assert.StartsWith("error: ", twice, StringComparison.Ordinal);
            Assert.Single(twice.Trim().Split('\n'));
            Assert.Equal(1L, await Db.ScalarAsync<long>("SELECT count(*) FROM accounts"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
