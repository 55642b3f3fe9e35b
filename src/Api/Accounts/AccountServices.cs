using DistrictMap.Api.Access;
using DistrictMap.Api.Infrastructure.Database;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictMap.Api.Accounts;

public static class AccountServices
{
    /// <summary>Signed-in people (never API keys): the partner pages.</summary>
    public const string PeoplePolicy = "people";

    /// <summary>Signed-in admins: inviting accounts.</summary>
    public const string AdminPolicy = "people-admin";

    public const string OpenIdConnectScheme = OpenIdConnectDefaults.AuthenticationScheme;

    /// <summary>
    /// The accounts themselves, without sessions: Identity's user store on the application's database, its token
    /// providers (for the links in mail), the data protection keys they need (in the same database, so that a link
    /// made by the command line works on the site, and every instance reads every session), mail and audit.
    /// </summary>
    public static IServiceCollection AddDistrictMapAccountStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AccountOptions>().Bind(configuration.GetSection(AccountOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        var settings = configuration.GetSection(AccountOptions.Section).Get<AccountOptions>() ?? new AccountOptions();
        services.AddDataProtection().SetApplicationName("DistrictMap").PersistKeysToDbContext<DistrictMapDbContext>();
        services.TryAddSingletonTimeProvider();
        services.AddIdentityCore<Account>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 12;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = settings.MaxFailedSignIns;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(settings.LockoutMinutes);
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<DistrictMapDbContext>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<AccountClaims>();
        services.AddSingleton<AccountMail>();
        services.AddScoped<AccountAudit>();
        services.AddScoped<AccountInvitations>();
        return services;
    }

    /// <summary>
    /// Sessions for people beside the API keys of machines: Identity's cookies (the API's default scheme stays the
    /// API key, so a cookie never authorises an API write), the pages that need a session, and OpenID Connect when
    /// an authority, client id and secret are configured.
    /// </summary>
    public static IServiceCollection AddDistrictMapAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddDistrictMapAccountStore(configuration);
        var settings = configuration.GetSection(AccountOptions.Section).Get<AccountOptions>() ?? new AccountOptions();
        services.AddHttpContextAccessor();
        new IdentityBuilder(typeof(Account), services).AddSignInManager();
        var authentication = services.AddAuthentication();
        authentication.AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "DistrictMap.Session";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromMinutes(settings.SessionMinutes);
            o.SlidingExpiration = true;
            o.LoginPath = "/account/sign-in";
            o.LogoutPath = "/account/sign-out";
            o.AccessDeniedPath = "/account/access-denied";
        });
        if (settings.OpenIdConnect.IsConfigured)
        {
            authentication.AddOpenIdConnect(OpenIdConnectScheme, settings.OpenIdConnect.DisplayName, o =>
            {
                o.Authority = settings.OpenIdConnect.Authority;
                o.ClientId = settings.OpenIdConnect.ClientId;
                o.ClientSecret = settings.OpenIdConnect.ClientSecret;
                o.ResponseType = "code";
                o.UsePkce = true;
                o.SignInScheme = IdentityConstants.ExternalScheme;
                o.Scope.Add("email");
                o.GetClaimsFromUserInfoEndpoint = true;
            });
        }

        services.AddAuthorizationBuilder()
            .AddPolicy(PeoplePolicy, p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireRole(Roles.Admin, Roles.Partner))
            .AddPolicy(AdminPolicy, p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireRole(Roles.Admin));
        services.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AuthorizeFolder("/Partner", PeoplePolicy);
            o.Conventions.AuthorizePage("/Account/Invite", AdminPolicy);
            o.Conventions.AuthorizePage("/Account/SignOut", PeoplePolicy);
        });
        services.AddScoped<AccountSignIn>();
        services.AddScoped<Workspace.PartnerWorkspace>();
        services.AddScoped<Workspace.IndicatorUpload>();
        return services;
    }

    private static void TryAddSingletonTimeProvider(this IServiceCollection services)
    {
        if (services.All(s => s.ServiceType != typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }
}
