using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MyAlmaty.Learn.Data;

/// <summary>
/// Two settings SQLite keeps per connection, so they are given as each one opens.
/// <para>A busy timeout lets SQLite itself wait for another connection's write lock. Without it
/// SQLite answers «busy» at once and Microsoft.Data.Sqlite retries after sleeping 150 ms, so
/// concurrent writers (the mail workers, several requests) lost 150 ms per collision over locks
/// held for well under a millisecond. SQLite's own handler retries within a few milliseconds.</para>
/// <para>synchronous=NORMAL, the setting SQLite recommends with its write-ahead log: a commit no
/// longer waits for an fsync (half of the cost of each small UPDATE, such as the outbox marking a
/// message sent). A killed process loses nothing; a power cut or OS crash may lose the last
/// commits, never the file's consistency. For the outbox that means a message sent just before a
/// power cut may be sent again, with the same Message-ID.</para>
/// </summary>
internal sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    private const string Pragma = "PRAGMA busy_timeout = 30000; PRAGMA synchronous = NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
