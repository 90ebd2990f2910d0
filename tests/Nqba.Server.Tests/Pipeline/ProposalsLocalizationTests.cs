using System.Collections;
using System.Globalization;
using System.Resources;
using Microsoft.Extensions.DependencyInjection;
using Nqba.Server.Modules.Pipeline.Notifications;
using Nqba.Server.Platform.Notifications;
using Nqba.Testing;

namespace Nqba.Server.Tests.Pipeline;

/// <summary>The proposal e-mail and the client's page speak English, German and Japanese, every string in each.</summary>
public sealed class ProposalsLocalizationTests(NqbaFactory factory) : IClassFixture<NqbaFactory>
{
    [Theory]
    [InlineData("en", "Your proposal from NQBA: Rollout", "18,405.00 EUR")]
    [InlineData("de", "Ihr Angebot von NQBA: Rollout", "18.405,00 EUR")]
    [InlineData("ja", "NQBAからのご提案：Rollout", "18,405.00 EUR")]
    public async Task TheProposalMail_IsInTheVersionsLanguage_WithAnAbsoluteLink(string language, string subject, string total)
    {
        var notifications = factory.Services.GetRequiredService<INotificationService>();

        var mail = await notifications.RenderAsync<ProposalMail, ProposalMailModel>(
            new("Rollout", "Deal Werke GmbH", 2, 18405m, "EUR", new DateOnly(2027, 1, 15), "/proposals/token?lang=" + language), language, default);

        Assert.Equal(language, mail.Language);
        Assert.Equal(subject, mail.Subject);
        Assert.Contains(total, mail.Text, StringComparison.Ordinal);
        Assert.Contains("Deal Werke GmbH", mail.Text, StringComparison.Ordinal);
        Assert.Matches(@"https?://\S+/proposals/token\?lang=" + language, mail.Text);
        Assert.DoesNotMatch(@"\{\d", mail.Subject + mail.Text);
    }

    [Fact]
    public void ThePagesStrings_AreTranslated_WithTheSamePlaceholders()
    {
        var manager = new ResourceManager("Nqba.Server.Modules.Pipeline.Resources.PipelineResource", typeof(ProposalMail).Assembly);
        var english = Strings(manager, CultureInfo.InvariantCulture);
        Assert.NotEmpty(english);
        foreach (var language in new[] { "de", "ja" })
        {
            var translated = Strings(manager, CultureInfo.GetCultureInfo(language));
            Assert.Equal(english.Keys.Order(), translated.Keys.Order());
            Assert.All(english, e => Assert.Equal(Placeholders(e.Value), Placeholders(translated[e.Key])));
            Assert.All(english.Where(e => e.Value.Length > 12), e => Assert.NotEqual(e.Value, translated[e.Key]));
        }
    }

    private static Dictionary<string, string> Strings(ResourceManager manager, CultureInfo culture) =>
        manager.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);

    private static List<string> Placeholders(string text) =>
        [.. System.Text.RegularExpressions.Regex.Matches(text, @"\{\d+\}").Select(m => m.Value).Order()];
}
