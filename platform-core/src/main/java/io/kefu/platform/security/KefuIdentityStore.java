package io.kefu.platform.security;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

import io.kefu.platform.identity.Caller;
import io.kefu.platform.identity.IdentityService;
import io.kefu.platform.problem.InvalidInputException;
import io.kefu.platform.tenant.TenantCode;
import io.kefu.platform.token.ApiTokens;
import io.kefu.platform.token.TokenSecret;
import io.kefu.platform.token.TrustedTokens;

/**
 * Validates tenant users ({@link TenantCredential}), API tokens ({@link BearerCredential}) and
 * operators (a plain {@link UsernamePasswordCredential}) against the platform schema.
 */
@ApplicationScoped
public class KefuIdentityStore implements IdentityStore {

    @Inject
    IdentityService identities;

    @Inject
    ApiTokens tokens;

    @Inject
    TrustedTokens trusted;

    @Override
    public CredentialValidationResult validate(jakarta.security.enterprise.credential.Credential credential) {
        if (credential instanceof TenantCredential c) {
            return validateTenantUser(c);
        }
        if (credential instanceof BearerCredential c) {
            return result(bearer(c.token()));
        }
        if (credential instanceof UsernamePasswordCredential c) {
            return result(identities.authenticateOperator(c.getCaller(), c.getPassword().getValue()));
        }
        return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }

    /** A token this node trusts still (no transaction, no query), else the platform schema's answer. */
    private Optional<Caller.TenantUser> bearer(String secret) {
        if (TokenSecret.isWellFormed(secret)) {
            Optional<Caller.TenantUser> known = trusted.caller(TokenSecret.hash(secret));
            if (known.isPresent()) {
                return known;
            }
        }
        return tokens.authenticate(secret);
    }

    private CredentialValidationResult validateTenantUser(TenantCredential c) {
        TenantCode tenant;
        try {
            tenant = TenantCode.parse(c.tenant());
        } catch (InvalidInputException e) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        return result(identities.authenticate(tenant, c.getCaller(), c.getPassword().getValue()));
    }

    private static CredentialValidationResult result(Optional<? extends Caller> caller) {
        return caller.map(c -> new CredentialValidationResult(new KefuPrincipal(c), c.groups()))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }
}
