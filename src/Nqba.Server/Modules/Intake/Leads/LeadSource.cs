namespace Nqba.Server.Modules.Intake.Leads;

/// <summary>The channel a lead came in through.</summary>
public enum LeadSource
{
    WebForm,
    Email,
    LiveChat,
    Phone,
    Referral,
    Api,
}
