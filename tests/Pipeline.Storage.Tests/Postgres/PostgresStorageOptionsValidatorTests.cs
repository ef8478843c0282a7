using Microsoft.Extensions.Options;
using Pipeline.Storage.Postgres;

namespace Pipeline.Storage.Tests.Postgres;

public sealed class PostgresStorageOptionsValidatorTests
{
    private readonly PostgresStorageOptionsValidator _validator = new();

    [Fact]
    public void Validate_MissingConnectionString_FailsNamingTheKey()
    {
        var result = _validator.Validate(null, new PostgresStorageOptions());

        Assert.True(result.Failed);
        Assert.Contains("Storage:Postgres:ConnectionString is required", result.FailureMessage);
    }

    [Fact]
    public void Validate_MalformedConnectionString_FailsWithoutEchoingIt()
    {
        var options = new PostgresStorageOptions { ConnectionString = "Host=db;Password=hunter2;Bogus Key=1" };

        var result = _validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.DoesNotContain("hunter2", result.FailureMessage);
    }

    [Fact]
    public void Create_NonPositiveSearchCandidates_ThrowsOptionsValidationException()
    {
        var options = new PostgresStorageOptions { ConnectionString = "Host=127.0.0.1", SearchCandidates = 0 };

        var error = Assert.Throws<OptionsValidationException>(() => PostgresStorage.Create(options));

        Assert.Contains("SearchCandidates", error.Message);
    }
}
