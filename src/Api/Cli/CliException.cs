namespace DistrictMap.Api.Cli;

/// <summary>A command cannot go on; the message is one line for the user.</summary>
public sealed class CliException : Exception
{
    public CliException(string message) : base(message)
    {
    }

    public CliException()
    {
    }

    public CliException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
