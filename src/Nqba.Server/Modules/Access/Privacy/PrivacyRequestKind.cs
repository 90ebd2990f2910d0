namespace Nqba.Server.Modules.Access.Privacy;

/// <summary>The data-subject rights a request exercises.</summary>
public enum PrivacyRequestKind
{
    /// <summary>Right of access (GDPR art. 15, CCPA "right to know"): one ZIP with everything about the subject.</summary>
    Access,

    /// <summary>Right to erasure (GDPR art. 17, CCPA "right to delete"): crypto-shredding.</summary>
    Erasure,

    /// <summary>Right to rectification (GDPR art. 16, CCPA "right to correct").</summary>
    Rectification,

    /// <summary>CCPA "do not sell or share my personal information".</summary>
    DoNotSell,
}
