package cn.cwca.portal.web.applicant;

import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.invoice.BuyerKind;
import cn.cwca.portal.invoice.InvoiceBuyer;
import cn.cwca.portal.invoice.InvoiceBuyerState;
import cn.cwca.portal.invoice.InvoiceService;
import cn.cwca.portal.rules.FieldRule;
import cn.cwca.portal.web.CurrentCaller;
import cn.cwca.portal.web.FacesMessages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Optional;

/**
 * The backing part of the 开票信息 form (/WEB-INF/includes/invoice-buyer.xhtml): the seven buyer fields
 * of one of the caller's orders, loaded with {@link #load} and saved with {@link #save}. A page
 * that shows the form (立即支付 step 2, 进度查询) includes the fragment with {@code buyerForm} set to
 * {@code #{invoiceBuyerForm}}, and injects this bean to load it and to save it from its own button.
 *
 * <p>The version of the buyer loaded travels with the edit, so that a change saved meanwhile in
 * another tab is refused instead of overwritten.
 */
@Named
@ViewScoped
public class InvoiceBuyerForm implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private InvoiceService invoices;

  @Inject private CurrentCaller caller;

  private String publicId;
  private Long version;
  private String lockedKey;

  private BuyerKind kind;
  private String name;
  private String taxId;
  private String address;
  private String email;
  private String phone;
  private String bank;
  private String bankAccount;

  /**
   * Loads 开票信息 of one of the caller's orders: the saved buyer, or one filled in from the account.
   *
   * @return {@code false} (and nothing loaded) for a draft, an unknown 申请ID or another applicant's
   */
  public boolean load(String orderPublicId) {
    Optional<InvoiceBuyerState> state = invoices.buyer(orderPublicId);
    if (state.isEmpty()) {
      clear();
      return false;
    }
    publicId = orderPublicId;
    show(state.get());
    return true;
  }

  /**
   * Saves the fields typed (the page's validators have checked them; the service checks them
   * again), or shows why not as a global error.
   *
   * @return whether it was saved
   */
  public boolean save() {
    if (publicId == null) {
      return false;
    }
    try {
      show(
          invoices.saveBuyer(
              publicId,
              version,
              new InvoiceBuyer(kind, name, taxId, address, email, phone, bank, bankAccount),
              caller.clientInfo()));
      return true;
    } catch (BusinessException refusal) {
      FacesMessages.addError(refusal);
      return false;
    }
  }

  /** 保存 of a page that has nothing else to do with it: saves and confirms. */
  public void saveAndConfirm() {
    if (save()) {
      FacesMessages.addInfoLabel("invoiceBuyer.saved");
    }
  }

  private void show(InvoiceBuyerState state) {
    version = state.version();
    lockedKey = state.lockedKey();
    InvoiceBuyer b = state.buyer();
    kind = b == null || b.kind() == null ? BuyerKind.ORGANISATION : b.kind();
    name = b == null ? null : b.name();
    taxId = b == null ? null : b.taxId();
    address = b == null ? null : b.address();
    email = b == null ? null : b.email();
    phone = b == null ? null : b.phone();
    bank = b == null ? null : b.bank();
    bankAccount = b == null ? null : b.bankAccount();
  }

  private void clear() {
    publicId = null;
    show(new InvoiceBuyerState(null, null, null));
  }

  /** Whether an order is loaded. */
  public boolean isLoaded() {
    return publicId != null;
  }

  /** Whether the applicant has saved 开票信息 for the order (else the fields are a prefill). */
  public boolean isSaved() {
    return version != null;
  }

  /** Whether the fields may be changed (else {@link #getLockedKey()} says why not). */
  public boolean isEditable() {
    return isLoaded() && lockedKey == null;
  }

  /** The message key of why the buyer can no longer be changed; {@code null} while it can. */
  public String getLockedKey() {
    return lockedKey;
  }

  /** The rule of 购买方税号 for the chosen kind (a credit code for an organisation). */
  public FieldRule getTaxIdRule() {
    return (kind == null ? BuyerKind.ORGANISATION : kind).taxIdRule();
  }

  public BuyerKind[] getKinds() {
    return BuyerKind.values();
  }

  public String getPublicId() {
    return publicId;
  }

  public BuyerKind getKind() {
    return kind;
  }

  public void setKind(BuyerKind kind) {
    this.kind = kind;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getTaxId() {
    return taxId;
  }

  public void setTaxId(String taxId) {
    this.taxId = taxId;
  }

  public String getAddress() {
    return address;
  }

  public void setAddress(String address) {
    this.address = address;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getPhone() {
    return phone;
  }

  public void setPhone(String phone) {
    this.phone = phone;
  }

  public String getBank() {
    return bank;
  }

  public void setBank(String bank) {
    this.bank = bank;
  }

  public String getBankAccount() {
    return bankAccount;
  }

  public void setBankAccount(String bankAccount) {
    this.bankAccount = bankAccount;
  }
}
