namespace Nqba.Server.Platform.Protection;

public enum DataKeyPurpose
{
    /// <summary>Encrypts an organization's (or the platform's) fields.</summary>
    Fields,

    /// <summary>Keys the HMAC that makes encrypted e-mail addresses searchable.</summary>
    Search,

    /// <summary>Keys the HMAC chain of the audit ledger (the platform's only; never destroyed by erasure).</summary>
    Audit,
}
