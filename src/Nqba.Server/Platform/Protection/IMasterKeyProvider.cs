namespace Nqba.Server.Platform.Protection;

/// <summary>
/// Wraps and unwraps data keys with a master key. The local implementation keeps master keys in a key file or
/// configuration; a cloud KMS (AWS KMS, Azure Key Vault, Google Cloud KMS) can implement the same contract.
/// </summary>
public interface IMasterKeyProvider
{
    /// <summary>The id of the master key new data keys are wrapped with.</summary>
    string CurrentKeyId { get; }

    /// <summary>When the current master key was created (its last rotation), where the provider knows it.</summary>
    DateTime? CurrentKeyCreatedAt => null;

    byte[] Wrap(byte[] dataKey);

    byte[] Unwrap(string masterKeyId, byte[] wrappedKey);

    /// <summary>Creates a new master key and makes it current; older keys stay available for unwrapping.</summary>
    string Rotate();
}
