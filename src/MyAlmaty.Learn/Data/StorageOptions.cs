namespace MyAlmaty.Learn.Data;

/// <summary>Bound from the "Storage" configuration section.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>"Sqlite" (embedded default). Other providers are switched on here, never in code.</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>A full connection string; when empty, SQLite uses <see cref="SqlitePath"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The SQLite file, relative to the data folder unless absolute.</summary>
    public string SqlitePath { get; set; } = "learn.db";
}
