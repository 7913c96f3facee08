using System.Text.Json;

namespace MyAlmaty.Learn.Web.Themes;

/// <summary>themes/&lt;Name&gt;/theme.json.</summary>
public sealed record ThemeManifest(string Name, string? Description, string Layout = "layout")
{
    public static ThemeManifest Load(string themeDirectory)
    {
        var file = Path.Combine(themeDirectory, "theme.json");
        if (!File.Exists(file))
        {
            throw new InvalidOperationException($"The theme folder {themeDirectory} has no theme.json.");
        }
        return JsonSerializer.Deserialize<ThemeManifest>(File.ReadAllText(file), new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidOperationException($"{file} is empty.");
    }
}
