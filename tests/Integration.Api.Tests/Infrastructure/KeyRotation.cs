using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Api.Tests.Infrastructure;

/// <summary>Rotates the platform's DataProtection key as an operator would, and waits until new data is protected with it.</summary>
public static class KeyRotation
{
    /// <returns>The new key's id.</returns>
    public static async Task<Guid> RotateKeyAsync(this PlatformFactory platform)
    {
        var keys = platform.Services.GetRequiredService<IKeyManager>();
        // Activated just after the key in use (whose activation is its creation), so that it becomes the default now.
        var activation = keys.GetAllKeys().Max(k => k.ActivationDate).AddMilliseconds(1);
        var newKey = keys.CreateNewKey(activation, activation.AddDays(90));
        // The key ring refreshes in the background after a key is added (as on every instance): wait for it, asserting nothing about time.
        var probe = platform.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("key-rotation-probe");
        for (var attempt = 0; attempt < 200 && KeyIdOf(probe.Protect([1])) != newKey.KeyId; attempt++)
        {
            await Task.Delay(50);
        }
        return newKey.KeyId;
    }

    /// <summary>The protected payload names its key (bytes 4–19 after the magic header).</summary>
    public static Guid KeyIdOf(byte[] protectedPayload) => new(protectedPayload.AsSpan(4, 16));
}
