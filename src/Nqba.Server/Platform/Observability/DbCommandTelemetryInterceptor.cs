using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Nqba.Server.Platform.Observability;

/// <summary>
/// A span and a duration sample for every database command, for both providers (Npgsql adds its own detailed
/// spans on PostgreSQL; SQLite has none, so this covers it).
/// </summary>
internal sealed class DbCommandTelemetryInterceptor : DbCommandInterceptor
{
    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Start(eventData);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Stop(eventData, eventData.Duration);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Start(eventData);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Stop(eventData, eventData.Duration);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Start(eventData);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Stop(eventData, eventData.Duration);
        return ValueTask.FromResult(result);
    }

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Activity.Current?.SetStatus(ActivityStatusCode.Error, eventData.Exception.Message);
        Stop(eventData, eventData.Duration);
        return Task.CompletedTask;
    }

    private static void Start(CommandEventData eventData)
    {
        var activity = NqbaTelemetry.ActivitySource.StartActivity("db " + eventData.Context?.GetType().Name, ActivityKind.Client);
        activity?.SetTag("db.system", eventData.Context?.Database.ProviderName);
    }

    private static void Stop(CommandEventData eventData, TimeSpan duration)
    {
        NqbaTelemetry.DbCommandDuration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("db.context", eventData.Context?.GetType().Name));
        var current = Activity.Current;
        if (current?.Source == NqbaTelemetry.ActivitySource && current.OperationName.StartsWith("db ", StringComparison.Ordinal))
        {
            current.Dispose();
        }
    }
}
