namespace Nqba.Server.Platform.Protection;

/// <summary>
/// Marks a string property as personal or sensitive data: stored AES-256-GCM encrypted under the owning
/// organization's data key (see <see cref="IOrganizationOwned"/>), decrypted when an entity is loaded.
/// Projections (<c>Select</c> into a DTO) bypass entity loading and see ciphertext: load entities, then map.
/// Encrypted columns cannot be filtered or sorted in SQL; search through a keyed hash column instead.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class EncryptedAttribute : Attribute;
