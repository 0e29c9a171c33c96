using Microsoft.Data.Sqlite;

namespace MjBot.Storage;

/// <summary>MjBot's SQLite database: one connection (SQLite serialises writers anyway), WAL journal, foreign keys on,
/// a busy timeout, and a gate so one statement batch runs at a time. Opening applies the migrations.</summary>
public sealed class SqliteDatabase : IAsyncDisposable
{
    private readonly string _path;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SqliteConnection? _connection;

    /// <summary>Initializes a new instance of the <see cref="SqliteDatabase"/> class; nothing is opened until
    /// <see cref="OpenAsync(CancellationToken)"/> (the host opens it in a hosted service, before Discord connects).</summary>
    /// <param name="path">The database file, e.g. data/mjbot.db.</param>
    public SqliteDatabase(string path)
    {
        _path = path;
    }

    /// <summary>Gets the database file's path.</summary>
    public string Path => _path;

    /// <summary>Opens (creating if needed) the database file and brings its schema up to date.</summary>
    /// <param name="path">The database file, e.g. data/mjbot.db.</param>
    /// <param name="cancellationToken">Cancels opening.</param>
    /// <returns>The open database.</returns>
    public static async Task<SqliteDatabase> OpenAsync(string path, CancellationToken cancellationToken)
    {
        var database = new SqliteDatabase(path);
        await database.OpenAsync(cancellationToken);
        return database;
    }

    /// <summary>Opens the file and applies the migrations; does nothing when already open.</summary>
    public async Task OpenAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_connection is not null)
            {
                return;
            }

            var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(_path));
            if (folder is not null)
            {
                Directory.CreateDirectory(folder);
            }

            var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _path, Pooling = false }.ToString());
            await connection.OpenAsync(cancellationToken);
            using (var pragmas = connection.CreateCommand())
            {
                // WAL: readers never block the writer; NORMAL is durable across process crashes (the host's kill
                // test) and loses at most the last transactions on power loss.
                pragmas.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000;";
                await pragmas.ExecuteNonQueryAsync(cancellationToken);
            }

            try
            {
                Migrations.Apply(connection);
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }

            _connection = connection;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Runs work on the connection, one caller at a time.</summary>
    /// <summary>Gets the schema version of the open database and the version this build writes (equal once the
    /// migrations ran), or null when the database is not open.</summary>
    public Task<(int Current, int Latest)?> SchemaAsync(CancellationToken cancellationToken) =>
        _connection is null
            ? Task.FromResult<(int, int)?>(null)
            : RunAsync<(int, int)?>(c => (Migrations.Version(c), Migrations.Latest), cancellationToken);

    public async Task<T> RunAsync<T>(Func<SqliteConnection, T> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return work(_connection ?? throw new InvalidOperationException("The database is not open yet."));
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
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }

        _gate.Dispose();
    }
}
