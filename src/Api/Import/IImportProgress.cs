namespace DistrictMap.Api.Import;

/// <summary>Receives progress of a long import.</summary>
public interface IImportProgress
{
    /// <param name="stage">What is being done, such as "reading" or "writing".</param>
    /// <param name="done">Units done so far.</param>
    /// <param name="total">Units in all, when known.</param>
    void Report(string stage, long done, long? total);

    public static readonly IImportProgress None = new NoProgress();

    private sealed class NoProgress : IImportProgress
    {
        public void Report(string stage, long done, long? total)
        {
        }
    }
}
