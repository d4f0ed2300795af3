using Dapper;
using Microsoft.Data.Sqlite;

namespace InterviewBot.Storage;

/// <summary>Small helpers shared by the SQLite stores.</summary>
internal static class SqliteCommands
{
    public static CommandDefinition Command(string sql, object? parameters, CancellationToken cancellationToken, SqliteTransaction? transaction = null) =>
        new(sql, parameters, transaction, cancellationToken: cancellationToken);

    public static async Task<IReadOnlyList<T>> QueryListAsync<T>(this SqliteConnectionFactory factory, string sql, object? parameters, CancellationToken cancellationToken)
    {
        using var connection = factory.Open();
        var rows = await connection.QueryAsync<T>(Command(sql, parameters, cancellationToken)).ConfigureAwait(false);
        return rows.AsList();
    }

    public static async Task<T?> QueryOneAsync<T>(this SqliteConnectionFactory factory, string sql, object? parameters, CancellationToken cancellationToken)
    {
        using var connection = factory.Open();
        return await connection.QuerySingleOrDefaultAsync<T>(Command(sql, parameters, cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>Runs one write statement through the single writer and returns the number of changed rows.</summary>
    public static Task<int> ExecuteWriteAsync(this SqliteWriter writer, string sql, object? parameters, CancellationToken cancellationToken) =>
        writer.WriteAsync((connection, transaction) => connection.ExecuteAsync(Command(sql, parameters, cancellationToken, transaction)), cancellationToken);

    public static bool IsUniqueViolation(this SqliteException exception) =>
        exception.SqliteErrorCode == 19 && (exception.SqliteExtendedErrorCode is 2067 or 1555);
}
