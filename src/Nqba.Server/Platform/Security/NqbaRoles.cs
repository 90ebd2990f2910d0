namespace Nqba.Server.Platform.Security;

/// <summary>The roles of the product. Every role but <see cref="Client"/> is staff.</summary>
public static class NqbaRoles
{
    public const string Admin = "Admin";
    public const string Executive = "Executive";
    public const string SalesRep = "SalesRep";
    public const string Specialist = "Specialist";
    public const string SupportAgent = "SupportAgent";
    public const string ComplianceOfficer = "ComplianceOfficer";
    public const string Trader = "Trader";
    public const string Client = "Client";

    public static readonly IReadOnlyList<string> All = [Admin, Executive, SalesRep, Specialist, SupportAgent, ComplianceOfficer, Trader, Client];

    public static readonly IReadOnlyList<string> Staff = [Admin, Executive, SalesRep, Specialist, SupportAgent, ComplianceOfficer, Trader];

    public static bool IsStaff(string role) => Staff.Contains(role, StringComparer.Ordinal);
}
