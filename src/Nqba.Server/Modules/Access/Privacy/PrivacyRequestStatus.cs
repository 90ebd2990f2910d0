namespace Nqba.Server.Modules.Access.Privacy;

public enum PrivacyRequestStatus
{
    Open,
    Completed,
    Rejected,
}
