using Pipeline.Sources;
using Pipeline.Tests.Distributed;

namespace Pipeline.Tests.Sources;

public sealed class BlobContainerSourceTests
{
    [Fact]
    public async Task ListPagesAsync_ContainerThatDoesNotExist_FailsWithAShortMessageSayingSo()
    {
        string connection = TestServices.Azurite;
        var url = new Uri($"http://127.0.0.1:10000/devstoreaccount1/missing-{Guid.NewGuid():N}/");
        var source = new BlobContainerSource(url, connection);

        var error = await Assert.ThrowsAsync<IOException>(async () =>
        {
            await foreach (var page in source.ListPagesAsync(16, CancellationToken.None))
            {
                Assert.Fail($"A missing container listed {page.Count} images.");
            }
        });

        Assert.Contains("status 404", error.Message);
        Assert.Contains("the container does not exist", error.Message);
        Assert.DoesNotContain("<?xml", error.Message);
    }
}
