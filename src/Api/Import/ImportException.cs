namespace DistrictMap.Api.Import;

/// <summary>
/// An import failed and wrote nothing. The message is one line naming the file, the feature or row
/// (when there is one) and the reason, such as <c>wards.geojson: feature 3 (E05000003): ring is not closed</c>.
/// </summary>
public sealed class ImportException : Exception
{
    public ImportException(string file, string? location, string reason)
        : base(location is null ? $"{file}: {reason}" : $"{file}: {location}: {reason}")
    {
        File = file;
        Location = location;
        Reason = reason;
    }

    public ImportException()
    {
        File = "";
        Reason = "";
    }

    public ImportException(string message) : base(message)
    {
        File = "";
        Reason = message;
    }

    public ImportException(string message, Exception innerException) : base(message, innerException)
    {
        File = "";
        Reason = message;
    }

    public string File { get; }
    public string? Location { get; }
    public string Reason { get; }
}
