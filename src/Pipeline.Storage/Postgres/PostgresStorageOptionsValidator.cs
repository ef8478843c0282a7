using Microsoft.Extensions.Options;
using Npgsql;

namespace Pipeline.Storage.Postgres;

/// <summary>Checks <see cref="PostgresStorageOptions"/> at start, naming the key of each bad setting.</summary>
public sealed class PostgresStorageOptionsValidator : IValidateOptions<PostgresStorageOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, PostgresStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var prefix = PostgresStorageOptions.SectionName;

        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            failures.Add($"{prefix}:ConnectionString is required: the Npgsql connection string of the result store.");
        }
        else if (!IsWellFormed(options.ConnectionString))
        {
            // The value itself may hold a password, so the message does not repeat it.
            failures.Add($"{prefix}:ConnectionString is not a valid Npgsql connection string.");
        }

        if (options.CommandTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{prefix}:CommandTimeout must be positive; it is {options.CommandTimeout}.");
        }

        if (options.SearchCandidates is < 1 or > 1000)
        {
            failures.Add($"{prefix}:SearchCandidates must be between 1 and 1000; it is {options.SearchCandidates}.");
        }

        if (options.MaxPoolSize < 1)
        {
            failures.Add($"{prefix}:MaxPoolSize must be at least 1; it is {options.MaxPoolSize}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsWellFormed(string connectionString)
    {
        try
        {
            _ = new NpgsqlConnectionStringBuilder(connectionString);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
