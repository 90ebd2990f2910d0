namespace Nqba.Server.Platform.Modules;

/// <summary>The sections of the staff navigation, top to bottom; an entry's order is its section plus its place in it.</summary>
public static class NavigationOrder
{
    /// <summary>The dashboard, first for everyone.</summary>
    public const int Home = 0;

    /// <summary>The staff's daily work: leads, calendar, operations, API reference.</summary>
    public const int Work = 100;

    /// <summary>Audit, privacy and compliance (administrators and compliance officers).</summary>
    public const int Compliance = 200;

    /// <summary>Administration of the platform (administrators).</summary>
    public const int Administration = 300;

    /// <summary>The user's own account, last for everyone.</summary>
    public const int Account = 900;
}
