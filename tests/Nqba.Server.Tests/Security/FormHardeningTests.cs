using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Nqba.Testing;

namespace Nqba.Server.Tests.Security;

/// <summary>Sign-out is a form like the others: a post without the page's anti-forgery token is refused.</summary>
public sealed partial class FormHardeningTests(NqbaFactory factory) : IClassFixture<NqbaFactory>
{
    [Fact]
    public async Task Logout_WithoutAntiforgeryToken_IsRefused_WithItSignsOut()
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var token = AntiforgeryTokens.From(await client.GetStringAsync("/account/login"));

        var forged = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>()));
        var real = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, real.StatusCode);
        Assert.Equal("/account/login", real.Headers.Location?.OriginalString);
    }

}
