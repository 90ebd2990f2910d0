namespace Nqba.Server.Platform.Security;

/// <summary>Authorization policy names used by the modules' endpoint groups and pages.</summary>
public static class NqbaPolicies
{
    /// <summary>Any signed-in user whose MFA obligation is met (the default policy).</summary>
    public const string SignedIn = "SignedIn";

    /// <summary>Any staff role, MFA satisfied.</summary>
    public const string Staff = "Staff";

    public const string Admin = "Admin";

    /// <summary>Admin or ComplianceOfficer: audit, privacy, compliance pages.</summary>
    public const string Compliance = "Compliance";

    /// <summary>Trader, MFA satisfied: Goliath Trade (market data, optimization, backtests, paper trading).</summary>
    public const string Trading = "Trading";

    /// <summary>Signed in, MFA not yet satisfied allowed: the MFA enrolment page.</summary>
    public const string MfaEnrolment = "MfaEnrolment";
}
