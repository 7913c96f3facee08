using System.Text.RegularExpressions;

namespace MyAlmaty.Learn.Media;

/// <summary>
/// The library's files under the data folder: the served widths in <c>media/</c>
/// (<c>{hash}-{width}.webp</c>, the names readers' browsers ask for) and the cleaned masters in
/// <c>media/masters/</c>, which are never served. Every name comes from the content, so a file once
/// written never changes; writing it again is harmless.
/// </summary>
public sealed partial class MediaStorage(string root)
{
    public const string UrlPrefix = "/media/";

    [GeneratedRegex("^(?<hash>[0-9a-f]{16})-(?<width>[1-9][0-9]{0,4})\\.webp$")]
    private static partial Regex ServedName();

    public string Root { get; } = Path.GetFullPath(root);

    public static string Url(string hash, int width) => $"{UrlPrefix}{hash}-{width}.webp";

    public string ServedPath(string hash, int width) => Path.Combine(Root, $"{hash}-{width}.webp");

    public string MasterPath(MediaItem item) => Path.Combine(Root, "masters", $"{item.Hash}.{item.MasterExtension}");

    /// <summary>The file a served name stands for, when the name is one and the file exists; anything else is null.</summary>
    public string? Served(string? name)
    {
        if (name is null || name.Length > 40 || !ServedName().IsMatch(name)) return null;
        var path = Path.Combine(Root, name);
        return File.Exists(path) ? path : null;
    }

    public async Task WriteAsync(string path, byte[] bytes, CancellationToken cancellationToken = default)
    {
        if (File.Exists(path) && new FileInfo(path).Length == bytes.Length) return;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // Written aside and moved in: a reader never gets half a file, and two writers of the same bytes do no harm.
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        await File.WriteAllBytesAsync(temporary, bytes, cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }
}
