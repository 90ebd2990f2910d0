namespace Nqba.Server.Tests.Scheduling;

/// <summary>
/// The scheduling server with every video vendor configured against a <see cref="VendorServer"/>, tried in the order
/// Zoom, Teams, Google Meet, then the Jitsi-style room; each vendor gets 2 seconds.
/// </summary>
public sealed class VideoFactory : SchedulingFactory
{
    public VendorServer Vendors { get; private set; } = null!;

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            foreach (var (key, value) in new Dictionary<string, string?>
            {
                ["Scheduling:VideoBaseUrl"] = "https://rooms.nqba.test",
                ["Scheduling:Video:Providers:0"] = "Zoom",
                ["Scheduling:Video:Providers:1"] = "Teams",
                ["Scheduling:Video:Providers:2"] = "GoogleMeet",
                ["Scheduling:Video:Providers:3"] = "Jitsi",
                ["Scheduling:Video:Timeout"] = "00:00:02",
                ["Scheduling:Video:Zoom:AccountId"] = "zoom-account",
                ["Scheduling:Video:Zoom:ClientId"] = "zoom-client",
                ["Scheduling:Video:Zoom:ClientSecret"] = "zoom-secret",
                ["Scheduling:Video:Zoom:OAuthBaseUrl"] = Vendors.Url("zoom"),
                ["Scheduling:Video:Zoom:ApiBaseUrl"] = Vendors.Url("zoom-api"),
                ["Scheduling:Video:Teams:TenantId"] = "teams-tenant",
                ["Scheduling:Video:Teams:ClientId"] = "teams-client",
                ["Scheduling:Video:Teams:ClientSecret"] = "teams-secret",
                ["Scheduling:Video:Teams:OrganizerUserId"] = "organizer-1",
                ["Scheduling:Video:Teams:LoginBaseUrl"] = Vendors.Url("login"),
                ["Scheduling:Video:Teams:GraphBaseUrl"] = Vendors.Url("graph"),
                ["Scheduling:Video:GoogleMeet:ClientId"] = "google-client",
                ["Scheduling:Video:GoogleMeet:ClientSecret"] = "google-secret",
                ["Scheduling:Video:GoogleMeet:RefreshToken"] = "google-refresh",
                ["Scheduling:Video:GoogleMeet:CalendarId"] = "sales@nqba.test",
                ["Scheduling:Video:GoogleMeet:OAuthBaseUrl"] = Vendors.Url("google-oauth"),
                ["Scheduling:Video:GoogleMeet:CalendarBaseUrl"] = Vendors.Url("google"),
            })
            {
                settings[key] = value;
            }

            return settings;
        }
    }

    public override async Task InitializeAsync()
    {
        Vendors = await VendorServer.StartAsync();
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Vendors is not null)
        {
            await Vendors.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
