using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Nqba.Server.Modules.Access.Users;
using Nqba.Server.Modules.Insights.Reports;
using Nqba.Server.Modules.Intake.Notifications;
using Nqba.Server.Modules.Monitoring;
using Nqba.Server.Modules.Monitoring.Incidents;
using Nqba.Server.Modules.Monitoring.Notifications;
using Nqba.Server.Modules.Pipeline.Notifications;
using Nqba.Server.Modules.Scheduling.Briefings;
using Nqba.Server.Modules.Scheduling.Invites;
using Nqba.Server.Modules.Support;
using Nqba.Server.Modules.Support.Assignment;
using Nqba.Server.Modules.Support.Channels;
using Nqba.Server.Modules.Support.Chat;
using Nqba.Server.Modules.Support.Sla;
using Nqba.Server.Modules.Support.Surveys;
using Nqba.Server.Platform;
using Nqba.Server.Platform.Notifications;
using Nqba.Server.Platform.Web;

namespace Nqba.Server.Tests.Notifications;

/// <summary>Every mail template renders in every language, with every link of ours under <c>Platform:PublicUrl</c>.</summary>
public sealed partial class MailTemplateTests : IAsyncLifetime
{
    private const string PublicUrl = "https://ops.nqba.test/app/";
    private const string VideoRoom = "https://video.example/room-1";
    /// <summary>Mails to people who may have no page of ours to open (a requester by e-mail, a chat visitor).</summary>
    private static readonly HashSet<string> WithoutLinks = ["ticket-reply", "chat-transcript"];

    private static readonly DateTime At = new(2026, 12, 5, 14, 30, 0, DateTimeKind.Utc);

    private static readonly Dictionary<string, Func<INotificationService, string, Task<RenderedMail>>> Templates = new()
    {
        ["booking-confirmed"] = (n, l) => n.RenderAsync<BookingMail, BookingMailModel>(Booking(BookingMailKind.Confirmed), l, default),
        ["booking-moved"] = (n, l) => n.RenderAsync<BookingMail, BookingMailModel>(Booking(BookingMailKind.Moved), l, default),
        ["booking-cancelled"] = (n, l) => n.RenderAsync<BookingMail, BookingMailModel>(Booking(BookingMailKind.Cancelled), l, default),
        ["booking-reminder"] = (n, l) => n.RenderAsync<BookingMail, BookingMailModel>(Booking(BookingMailKind.Reminder) with { StartsIn = TimeSpan.FromHours(24) }, l, default),
        ["booking-follow-up"] = (n, l) => n.RenderAsync<BookingMail, BookingMailModel>(Booking(BookingMailKind.FollowUp), l, default),
        ["booking-specialist"] = (n, l) => n.RenderAsync<BookingMail, BookingMailModel>(Booking(BookingMailKind.Confirmed) with { ForSpecialist = true, Link = "/scheduling/bookings/7" }, l, default),
        ["csat"] = (n, l) => n.RenderAsync<CsatInvitationMail, CsatInvitationMailModel>(new(42, "Export & import", "/support/survey/token"), l, default),
        ["nps"] = (n, l) => n.RenderAsync<NpsInvitationMail, NpsInvitationMailModel>(new("/support/survey/token"), l, default),
        ["ticket-reply"] = (n, l) => n.RenderAsync<TicketReplyMail, TicketReplyMailModel>(new(42, "[#42] Export broken", "Which browser do you use?\nThanks, Ana", null), l, default),
        ["chat-transcript"] = (n, l) => n.RenderAsync<ChatTranscriptMail, ChatTranscriptMailModel>(new("Erika: hello\nBot: hi"), l, default),
        ["status-changed"] = (n, l) => n.RenderAsync<StatusMail, StatusMailModel>(new(StatusMailKind.StateChanged, "API", At, "tok+en", ServiceState.Up, ServiceState.Down), l, default),
        ["status-incident-opened"] = (n, l) => n.RenderAsync<StatusMail, StatusMailModel>(new(StatusMailKind.IncidentOpened, "Checkout errors", At, "tok+en"), l, default),
        ["status-incident-resolved"] = (n, l) => n.RenderAsync<StatusMail, StatusMailModel>(new(StatusMailKind.IncidentResolved, "Checkout errors", At, "tok+en"), l, default),
        ["incident-update"] = (n, l) => n.RenderAsync<IncidentUpdateMail, IncidentUpdateMailModel>(new("API errors", IncidentStatus.Identified, At, "Next update in 30 minutes."), l, default),
        ["lead-routed"] = (n, l) => n.RenderAsync<LeadRoutedMail, LeadRoutedMailModel>(new(Guid.NewGuid(), "flyfox-ai", At, "assessment", "Europe client", 7), l, default),
        ["deal-stalled"] = (n, l) => n.RenderAsync<DealStalledMail, DealStalledMailModel>(new(Guid.NewGuid(), "Acme Corporation", "demo", 15, 14), l, default),
        ["lead-escalation"] = (n, l) => n.RenderAsync<LeadEscalationMail, LeadEscalationMailModel>(new(Guid.NewGuid(), "flyfox-ai", TimeSpan.FromMinutes(3.5), At), l, default),
        ["sla-ticket"] = (n, l) => n.RenderAsync<SlaTicketAlertMail, SlaTicketAlertMailModel>(new(true, false, Guid.NewGuid(), 42, "Export broken", TicketPriority.Urgent, SlaClockKind.FirstResponse, At), l, default),
        ["sla-ticket-page"] = (n, l) => n.RenderAsync<SlaTicketAlertMail, SlaTicketAlertMailModel>(new(false, true, Guid.NewGuid(), 42, "Export broken", TicketPriority.Urgent, SlaClockKind.Resolution, At), l, default),
        ["sla-chat"] = (n, l) => n.RenderAsync<SlaChatAlertMail, SlaChatAlertMailModel>(new(true, false, Guid.NewGuid(), "eu", "de", At.AddMinutes(-1), At), l, default),
        ["emergency-page"] = (n, l) => n.RenderAsync<EmergencyPageMail, EmergencyPageMailModel>(new(Guid.NewGuid(), 42, "Site down", TicketPriority.Emergency, TicketChannel.Hotline, At), l, default),
        ["briefing"] = (n, l) => n.RenderAsync<BriefingMail, BriefingMailModel>(
            new(Guid.NewGuid(), "demo-60", At, "Asia/Tokyo", "Erika", "erika@example.com", null, 81, "flyfox-ai", null, "demo-60", "Europe client", [("discovery-30", At.AddDays(-7))], ["#42 Export broken (Urgent)"], ("demo", At.AddDays(-2), "USD 25,000"), ["CSAT/NPS history"]), l, default),
        ["mfa-reset"] = (n, l) => n.RenderAsync<MfaResetMail, MfaResetMailModel>(new("Ana"), l, default),
        ["insights-weekly"] = (n, l) => n.RenderAsync<WeeklyKpiReportMail, WeeklyKpiReportMailModel>(
            new(At.Date.AddDays(-7), At.Date, [new("lead-response-time", 4.5, "min", 5, "green"), new("nps", null, "points", 70, "none")]), l, default),
        ["channel-notice"] = (n, l) => n.RenderAsync<ChannelNoticeMail, ChannelNoticeMailModel>(new("API is down", "API changed from up to down", "timeout", new Dictionary<string, string> { ["Component"] = "API" }), l, default),
    };

    private readonly ServiceProvider _services = new ServiceCollection()
        .AddLogging()
        .AddLocalization()
        .Configure<RequestLocalizationOptions>(o => o.SetDefaultCulture("en"))
        .AddSingleton(Options.Create(new PlatformOptions { PublicUrl = PublicUrl }))
        .AddSingleton<PublicLinks>()
        .AddSingleton<IEmailSender, NoSender>()
        .AddSingleton<INotificationService, NotificationService>()
        .BuildServiceProvider();

    public static TheoryData<string, string> TemplatesAndLanguages()
    {
        var data = new TheoryData<string, string>();
        foreach (var template in Templates.Keys)
        {
            foreach (var language in UiCultures.Codes)
            {
                data.Add(template, language);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TemplatesAndLanguages))]
    public async Task Render_EveryTemplateInEveryLanguage_HasSubjectBodiesAndAbsoluteLinks(string template, string language)
    {
        var notifications = _services.GetRequiredService<INotificationService>();

        var mail = await Templates[template](notifications, language);

        Assert.Equal(language, mail.Language);
        Assert.False(string.IsNullOrWhiteSpace(mail.Subject));
        Assert.DoesNotContain('\n', mail.Subject);
        Assert.Contains($"<html lang=\"{language}\">", mail.Html, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(mail.Text));
        Assert.DoesNotContain("<", mail.Text.Replace("<erika@example.com>", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\{\d", mail.Subject + mail.Text);
        var htmlLinks = Href().Matches(mail.Html).Select(m => m.Groups[1].Value).ToList();
        var textLinks = Url().Matches(mail.Text).Select(m => m.Value).ToList();
        Assert.Equal(htmlLinks, textLinks);
        Assert.All(htmlLinks, link => Assert.True(link.StartsWith(PublicUrl, StringComparison.Ordinal) || link == VideoRoom, $"{link} is not under {PublicUrl}"));
        if (!WithoutLinks.Contains(template))
        {
            Assert.Contains(htmlLinks, link => link.StartsWith(PublicUrl, StringComparison.Ordinal));
        }
        if (language != "en")
        {
            var english = await Templates[template](notifications, "en");
            Assert.True(english.Text != mail.Text, $"{template} reads the same in {language} as in English");
        }
    }

    [Fact]
    public async Task Render_UnsupportedOrRegionalLanguage_FallsBackOrNarrows()
    {
        var notifications = _services.GetRequiredService<INotificationService>();

        Assert.Equal("en", (await Templates["nps"](notifications, "fr")).Language);
        Assert.Equal("en", (await Templates["nps"](notifications, null!)).Language);
        Assert.Equal("de", (await Templates["nps"](notifications, "de-AT")).Language);
    }

    [Fact]
    public async Task Render_TextOfSomeone_IsWrittenAsText_NotAsMarkup()
    {
        var notifications = _services.GetRequiredService<INotificationService>();

        var mail = await notifications.RenderAsync<TicketReplyMail, TicketReplyMailModel>(new(42, "[#42] <b>x</b>", "Use <script>alert(1)</script> & retry\nLine two", null), "en", default);

        Assert.Equal("[#42] <b>x</b>", mail.Subject);
        Assert.StartsWith("Use <script>alert(1)</script> & retry\nLine two\n\n", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", mail.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Strings_EveryKeyIsTranslated_WithTheSamePlaceholders()
    {
        var manager = new ResourceManager("Nqba.Server.Resources.MailResource", typeof(NotificationService).Assembly);
        var english = manager.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!
            .Cast<System.Collections.DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);
        foreach (var language in new[] { "de", "ja" })
        {
            var translated = manager.GetResourceSet(CultureInfo.GetCultureInfo(language), createIfNotExists: true, tryParents: false)!
                .Cast<System.Collections.DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);
            Assert.Equal(english.Keys.Order(), translated.Keys.Order());
            Assert.All(english, e => Assert.Equal(Placeholders(e.Value), Placeholders(translated[e.Key])));
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private static BookingMailModel Booking(BookingMailKind kind) =>
        new(kind, false, "discovery-30", "Ana Silva", "Erika Example", At, "Europe/Berlin", VideoRoom, null, PublicUrl + "book/manage/token?lang=en");

    private static List<string> Placeholders(string text) => Placeholder().Matches(text).Select(m => m.Value).Order().ToList();

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex Href();

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Url();

    [GeneratedRegex(@"\{\d+(:[^}]*)?\}")]
    private static partial Regex Placeholder();

    private sealed class NoSender : IEmailSender
    {
        public Task<string> SendAsync(EmailMessage message, CancellationToken cancellationToken) => Task.FromResult("none");
    }
}
