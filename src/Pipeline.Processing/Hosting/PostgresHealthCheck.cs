using Microsoft.Extensions.Diagnostics.HealthChecks;
using Pipeline.Storage.Postgres;

namespace Pipeline.Processing.Hosting;

/// <summary>Healthy when PostgreSQL answers a trivial query.</summary>
internal sealed class PostgresHealthCheck(PostgresStorage storage) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(
        HealthCheckContext context,
        CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = storage.DataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL does not answer.", e);
        }
    }
}
