using Microsoft.Extensions.Configuration;
using Nqba.Server.Platform;
using Nqba.Server.Platform.Web;

namespace Nqba.Server.Tests.Platform;

public sealed class PublicUrlTests
{
    private static PlatformOptions Resolve(Dictionary<string, string?> settings)
    {
        var resolver = new PublicUrlResolver(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        var options = new PlatformOptions { PublicUrl = settings.GetValueOrDefault("Platform:PublicUrl") };
        resolver.PostConfigure(null, options);
        return options;
    }

    [Theory]
    [InlineData("http://localhost:5080;https://localhost:5443", "https://localhost:5443")]
    [InlineData("http://0.0.0.0:5080", "http://localhost:5080")]
    [InlineData("http://[::]:80;https://+:443", "https://localhost:443")]
    [InlineData(null, "http://localhost:5000")]
    public void Empty_IsDerivedFromTheListenAddresses_HttpsFirst(string? urls, string expected)
    {
        Assert.Equal(expected, Resolve(new() { ["urls"] = urls }).PublicUrl);
    }

    [Fact]
    public void Empty_FallsBackToTheReplacedModuleSetting_ForOneRelease()
    {
        Assert.Equal("https://book.example.com", Resolve(new() { ["Support:PublicBaseUrl"] = "https://book.example.com", ["urls"] = "http://localhost:5080" }).PublicUrl);
        Assert.Equal("https://ops.example.com", Resolve(new() { ["Platform:PublicUrl"] = "https://ops.example.com", ["Scheduling:PublicBaseUrl"] = "https://old.example.com" }).PublicUrl);
    }

    [Theory]
    [InlineData("ops.example.com")]
    [InlineData("ftp://ops.example.com")]
    [InlineData("https://ops.example.com/?x=1")]
    [InlineData("/relative")]
    public void Invalid_FailsValidation_NamingTheSetting(string value)
    {
        var result = new PublicUrlResolver(new ConfigurationBuilder().Build()).Validate(null, new PlatformOptions { PublicUrl = value });

        Assert.True(result.Failed);
        Assert.Contains("Platform:PublicUrl", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void To_KeepsThePathOfTheBase()
    {
        var links = new PublicLinks(Microsoft.Extensions.Options.Options.Create(new PlatformOptions { PublicUrl = "https://example.com/nqba/" }));

        Assert.Equal("https://example.com/nqba/leads/42", links.To("/leads/42"));
        Assert.Equal("https://example.com/nqba/status/unsubscribe?token=a%2Bb", links.To("/status/unsubscribe?token=a%2Bb"));
    }
}
