export function EmptyState() {
  return (
    <section className="empty" aria-labelledby="empty-title">
      <h2 id="empty-title">No accounts yet</h2>
      <p>Add a SpaceONE, CloudMC or Onqlave account to see and manage its API keys, or try KeyDesk with demo services first.</p>
      <div className="actions">
        <button type="button" className="primary">Add account</button>
        <button type="button">Try KeyDesk with demo services</button>
      </div>
    </section>
  )
}
