using MimeKit;

namespace MyAlmaty.Learn.Mail;

/// <summary>
/// Writes each message as &lt;Message-ID&gt;.eml into a folder. Sending the same message again
/// overwrites the same file, so a retry never makes a second email.
/// </summary>
public sealed class PickupDirectoryTransport(string directory) : IMailTransport
{
    public string Directory { get; } = directory;

    public string PathFor(string messageId) => Path.Combine(Directory, FileNameFor(messageId));

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var messageId = message.MessageId ?? throw new ArgumentException("A message without a Message-ID has no file name.", nameof(message));
        System.IO.Directory.CreateDirectory(Directory);
        // A dot-file in the same folder: invisible to *.eml watchers, and the move stays on one file system.
        var temp = Path.Combine(Directory, $".{Guid.NewGuid():N}.tmp");
        try
        {
            message.Prepare(EncodingConstraint.SevenBit);
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 16 * 1024, FileOptions.Asynchronous))
            {
                await message.WriteToAsync(stream, cancellationToken);
                // The row is marked sent right after this; the file must survive a power cut by then.
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, PathFor(messageId), overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static string FileNameFor(string messageId)
    {
        var invalid = Path.GetInvalidFileNameChars();
        var name = string.Concat(messageId.Select(c => invalid.Contains(c) ? '_' : c));
        return name + ".eml";
    }
}
