using System.Text.Json;
using System.Text.Json.Serialization;

namespace MyAlmaty.Learn.Mail;

/// <summary>The JSON of <see cref="OutboxMessage.Parts"/> and <see cref="OutboxMessage.Headers"/>.</summary>
internal static class OutboxPayload
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Cyrillic stays readable in the table instead of becoming \u escapes.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string? WriteParts(IReadOnlyList<MailPart> parts) =>
        parts.Count == 0 ? null : JsonSerializer.Serialize(parts, Json);

    public static IReadOnlyList<MailPart> ReadParts(string? json) =>
        json is null ? [] : JsonSerializer.Deserialize<List<MailPart>>(json, Json) ?? [];

    public static string? WriteHeaders(IReadOnlyDictionary<string, string> headers) =>
        headers.Count == 0 ? null : JsonSerializer.Serialize(headers, Json);

    public static IReadOnlyDictionary<string, string> ReadHeaders(string? json) =>
        json is null ? new Dictionary<string, string>() : JsonSerializer.Deserialize<Dictionary<string, string>>(json, Json) ?? [];
}
