using Microsoft.Data.Sqlite;

namespace MjBot.Storage;

/// <summary>MjBot's SQLite database: one connection (SQLite serialises writers anyway), WAL journal, foreign keys on,
/// a busy timeout, and a gate so one statement batch runs at a time. Open it with <see cref="OpenAsync"/>, which
/// applies the migrations first.</summary>
public sealed class SqliteDatabase : IAsyncDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _gate = new(1, 1);

    private SqliteDatabase(SqliteConnection connection)
    {
        _connection = connection;
    }

    /// <summary>Gets the database file's path.</summary>
    public string Path => _connection.DataSource;

    /// <summary>Opens (creating if needed) the database file and brings its schema up to date.</summary>
    /// <param name="path">The database file, e.g. data/mjbot.db.</param>
    /// <param name="cancellationToken">Cancels opening.</param>
    /// <returns>The open database.</returns>
    public static async Task<SqliteDatabase> OpenAsync(string path, CancellationToken cancellationToken)
    {
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        using (var pragmas = connection.CreateCommand())
        {
            // WAL: readers never block the writer; NORMAL is durable across process crashes (the host's kill test)
            // and loses at most the last transactions on power loss.
            pragmas.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000;";
            await pragmas.ExecuteNonQueryAsync(cancellationToken);
        }

        var database = new SqliteDatabase(connection);
        await database.RunAsync(Migrations.Apply, cancellationToken);
        return database;
    }

    /// <summary>Runs work on the connection, one caller at a time.</summary>
    public async Task<T> RunAsync<T>(Func<SqliteConnection, T> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return work(_connection);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Runs work on the connection, one caller at a time.</summary>
    public Task RunAsync(Action<SqliteConnection> work, CancellationToken cancellationToken) =>
        RunAsync(connection =>
        {
            work(connection);
            return true;
        }, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        await _connection.DisposeAsync();
        _gate.Dispose();
    }
}
