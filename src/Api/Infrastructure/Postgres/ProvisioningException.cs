namespace DistrictMap.Api.Infrastructure.Postgres;

/// <summary>The private PostgreSQL cluster could not be provisioned; the message is one line for the user.</summary>
public sealed class ProvisioningException : Exception
{
    public ProvisioningException(string message) : base(message)
    {
    }

    public ProvisioningException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public ProvisioningException()
    {
    }
}
