package cn.cwca.portal.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import java.util.Map;

/**
 * The error page's error id ({@link ErrorIds}): the exception the container or PrimeFaces'
 * exception handler forwarded to the page is logged under it once per request.
 */
@Named
@RequestScoped
public class ErrorReport {

  /** Where PrimeFaces' exception handler leaves the exception of an ajax request. */
  private static final String PRIMEFACES_EXCEPTION_INFO = "pfExceptionHandler";

  private String id;

  public String getId() {
    if (id == null) {
      Map<String, Object> request =
          FacesContext.getCurrentInstance().getExternalContext().getRequestMap();
      Object uri = request.get(RequestDispatcher.ERROR_REQUEST_URI);
      id = ErrorIds.log("internal error on " + (uri == null ? "a page" : uri), exception(request));
    }
    return id;
  }

  private static Throwable exception(Map<String, Object> request) {
    if (request.get(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable t) {
      return t;
    }
    if (request.get(PRIMEFACES_EXCEPTION_INFO)
        instanceof org.primefaces.application.exceptionhandler.ExceptionInfo info) {
      return info.getException();
    }
    return null;
  }
}
