using System.Security.Cryptography;
using System.Text;

namespace DistrictMap.Api.Import;

/// <summary>SHA-256 of an imported file, or of every file of a folder (names and contents, in name order).</summary>
public static class FileDigest
{
    public static string Sha256(string path)
    {
        if (File.Exists(path))
        {
            using var stream = File.OpenRead(path);
            return Convert.ToHexStringLower(SHA256.HashData(stream));
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in Directory.GetFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(path, file)));
            hash.AppendData(File.ReadAllBytes(file));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
