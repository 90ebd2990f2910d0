using System.ComponentModel.DataAnnotations;

namespace Nqba.Server.Modules.Support.Chat;

/// <summary>Settings of live chat and its bot (section <c>SupportChat</c>).</summary>
public sealed class SupportChatOptions
{
    public const string SectionName = "SupportChat";

    /// <summary>At or above this confidence the bot answers plainly.</summary>
    [Range(0.0, 1.0)]
    public double ConfidentAt { get; set; } = 0.6;

    /// <summary>Below this confidence (or with no article at all) the bot hands over to a human; between the two it answers but says it is unsure.</summary>
    [Range(0.0, 1.0)]
    public double HandOverBelow { get; set; } = 0.25;

    /// <summary>How long a handed-over chat waits for an agent to accept before it becomes a ticket.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "1.00:00:00")]
    public TimeSpan PickupTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often waiting chats are checked against <see cref="PickupTimeout"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan PickupCheckInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often waiting chats are checked against their first-response SLA (warning at 80 %, breach at 100 %).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan SlaCheckInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>An agent console that has not pinged for this long no longer counts as online.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan AgentPresenceTimeout { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>Messages (and other actions) one visitor may send per minute.</summary>
    [Range(1, 100_000)]
    public int VisitorMessagesPerMinute { get; set; } = 30;

    /// <summary>The longest chat message, in characters.</summary>
    [Range(1, 5000)]
    public int MaxMessageLength { get; set; } = 2000;

    /// <summary>Origins (e.g. https://www.example.com) whose pages may embed the widget; empty: any origin.</summary>
    public List<string> WidgetOrigins { get; set; } = [];
}
