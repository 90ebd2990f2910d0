namespace Nqba.Server.Modules.Access.Privacy;

/// <summary>The law a request is made under; it sets the response deadline.</summary>
public enum PrivacyLaw
{
    /// <summary>EU GDPR: one month (30 days by default).</summary>
    Gdpr,

    /// <summary>California CCPA/CPRA: 45 days.</summary>
    Ccpa,
}
