package cn.cwca.portal.web.security;

import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;
import jakarta.faces.view.ViewDeclarationLanguage;

/**
 * Builds the view of a GET from a caller without a session before the response is rendered, so that
 * whether it is stateless ({@code <f:view transient>}, the public pages) is known before PrimeFaces
 * makes the page's CSP nonce: PrimeFaces keeps the nonce in the view map of a view that is not
 * transient, and a view map starts an HTTP session. Faces builds a view once; rendering then uses
 * this one.
 *
 * <p>Runs after the last phase before rendering: restore view when the page has no metadata,
 * otherwise invoke application (its view actions) or a phase that ended with a validation error.
 */
public class StatelessViewsFirst implements PhaseListener {

  private static final long serialVersionUID = 1L;

  @Override
  public PhaseId getPhaseId() {
    return PhaseId.ANY_PHASE;
  }

  @Override
  public void afterPhase(PhaseEvent event) {
    FacesContext context = event.getFacesContext();
    PhaseId phase = event.getPhaseId();
    if (phase == PhaseId.RENDER_RESPONSE
        || context.getResponseComplete()
        || !(context.getRenderResponse() || phase == PhaseId.INVOKE_APPLICATION)
        || context.isPostback()
        || context.getExternalContext().getSession(false) != null) {
      return;
    }
    UIViewRoot view = context.getViewRoot();
    if (view == null) {
      return;
    }
    ViewDeclarationLanguage vdl =
        context
            .getApplication()
            .getViewHandler()
            .getViewDeclarationLanguage(context, view.getViewId());
    if (vdl == null) {
      return;
    }
    try {
      vdl.buildView(context, view);
    } catch (java.io.IOException e) {
      throw new jakarta.faces.FacesException("Cannot build " + view.getViewId(), e);
    }
  }

  @Override
  public void beforePhase(PhaseEvent event) {
    // nothing before a phase
  }
}
