using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MyAlmaty.Learn.Data;

/// <summary>
/// Lets SQLite itself wait for another connection's write lock. Without a busy timeout SQLite
/// answers «busy» at once and Microsoft.Data.Sqlite retries after sleeping 150 ms, so concurrent
/// writers (the mail workers, several requests) lost 150 ms per collision over locks held for
/// well under a millisecond. SQLite's own handler retries within a few milliseconds.
/// </summary>
internal sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    private const string Pragma = "PRAGMA busy_timeout = 30000;";

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
