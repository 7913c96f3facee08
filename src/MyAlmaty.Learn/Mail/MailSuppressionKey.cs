using System.Security.Cryptography;

namespace MyAlmaty.Learn.Mail;

/// <summary>
/// The secret behind the suppression list's hashes: 32 random bytes in a file of the data folder,
/// made on first use.
/// </summary>
/// <remarks>
/// Why a file of its own rather than a secret the app already has: ASP.NET's data-protection keys
/// rotate (every hash would change with them), and a key in the database would sit beside the
/// hashes, so whoever has a copy of the database could test candidate addresses against it. Kept
/// apart, a leaked database says nothing about who unsubscribed. Nodes that share a database must
/// share this file too (Mail:SuppressionKeyPath); losing it empties the list in effect.
/// </remarks>
public sealed class MailSuppressionKey(string path)
{
    private const int KeyLength = 32;
    private readonly Lazy<byte[]> _key = new(() => LoadOrCreate(Path.GetFullPath(path)));

    public string FilePath { get; } = Path.GetFullPath(path);

    internal byte[] Bytes => _key.Value;

    private static byte[] LoadOrCreate(string path)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temp = $"{path}.{Guid.NewGuid():N}.tmp";
            File.WriteAllBytes(temp, RandomNumberGenerator.GetBytes(KeyLength));
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            try
            {
                // Whoever moves first wins; another process starting at the same time reads the winner's key.
                File.Move(temp, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                File.Delete(temp);
            }
        }
        var key = File.ReadAllBytes(path);
        if (key.Length != KeyLength)
        {
            throw new InvalidOperationException($"The suppression key file '{path}' holds {key.Length} bytes, not {KeyLength}. Restore it from a backup; a new key would forget every suppressed address.");
        }
        return key;
    }

    /// <summary>HMAC-SHA256 of the trimmed, upper-case address, lower-case hex: what the suppression list keeps.</summary>
    public string HashOf(string email)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        var normalized = System.Text.Encoding.UTF8.GetBytes(email.Trim().ToUpperInvariant());
        return Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(Bytes, normalized));
    }
}
