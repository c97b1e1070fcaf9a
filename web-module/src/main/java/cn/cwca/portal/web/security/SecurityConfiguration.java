package cn.cwca.portal.web.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/**
 * Declares how callers log in: the custom form of /login.xhtml, whose backing bean hands the
 * credentials to {@code SecurityContext.authenticate}; a protected page requested anonymously
 * redirects there and is shown after a successful login. Group names of {@link PortalIdentityStore}
 * are the role names; the EAR maps them.
 */
@CustomFormAuthenticationMechanismDefinition(
    loginToContinue =
        @LoginToContinue(loginPage = "/login.xhtml", errorPage = "", useForwardToLogin = false))
@DeclareRoles({"APPLICANT", "REVIEWER", "OPERATOR", "FINANCE", "ADMIN"})
@ApplicationScoped
public class SecurityConfiguration {}
