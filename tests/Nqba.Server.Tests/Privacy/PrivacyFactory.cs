using Nqba.Testing;

namespace Nqba.Server.Tests.Privacy;

/// <summary>
/// The server with a 30-day retention for Intake's leads, live chats, status subscriptions, inactive client accounts and
/// superseded consent records (purges are run by hand in the tests).
/// </summary>
public sealed class PrivacyFactory : NqbaFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Access:RetentionDays:intake.leads"] = "30",
        ["Access:RetentionDays:support.chats"] = "30",
        ["Access:RetentionDays:monitoring.subscriptions"] = "30",
        ["Access:RetentionDays:access.accounts"] = "30",
        ["Access:RetentionDays:access.consents"] = "30",
        ["Access:RetentionInterval"] = "30.00:00:00",
        // The retention job is run by the tests that need it, not fired by the server at start.
        ["Jobs:FireOnSchedule"] = "false",
    };
}
