namespace Nqba.Server.Platform.Privacy;

/// <summary>Registration of a module's personal-data source and retention policies.</summary>
public static class PrivacyServiceCollectionExtensions
{
    /// <summary>
    /// Registers <typeparamref name="T"/> once per scope, as the <see cref="IPersonalDataSource"/> and/or
    /// <see cref="IRetentionPolicy"/> it implements.
    /// </summary>
    public static IServiceCollection AddPersonalData<T>(this IServiceCollection services)
        where T : class
    {
        services.AddScoped<T>();
        if (typeof(IPersonalDataSource).IsAssignableFrom(typeof(T)))
        {
            services.AddScoped(sp => (IPersonalDataSource)sp.GetRequiredService<T>());
        }

        if (typeof(IRetentionPolicy).IsAssignableFrom(typeof(T)))
        {
            services.AddScoped(sp => (IRetentionPolicy)sp.GetRequiredService<T>());
        }

        return services;
    }
}
