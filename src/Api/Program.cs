using DistrictMap.Api.Cli;
using DistrictMap.Api.Hosting;

if (CliApp.Handles(args))
{
    return await CliApp.RunAsync(args);
}

var app = DistrictMapWebApp.Build(args);
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
