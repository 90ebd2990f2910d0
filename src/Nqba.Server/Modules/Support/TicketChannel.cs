namespace Nqba.Server.Modules.Support;

/// <summary>Where a ticket or one of its messages came from.</summary>
public enum TicketChannel
{
    /// <summary>A signed-in client user on the support portal.</summary>
    Portal,

    /// <summary>The public web form (no sign-in).</summary>
    WebForm,

    Email,

    /// <summary>A phone call an agent logged.</summary>
    Phone,

    /// <summary>The emergency hotline: priority Emergency, pages the on-call person.</summary>
    Hotline,

    /// <summary>A live chat handed over (or arriving outside business hours).</summary>
    Chat,
}
