/** What a new world's team starts with; agents edit, add and delete their own from there. */
export const SUGGESTED_TEMPLATES = [
  { title: "Buyer's photos show the damage", body: "The buyer's photos show the item arrived damaged, and the seller's evidence does not show it left in good condition. A refund is due." },
  { title: "Not as described", body: "The item the buyer received differs from the listing in a way the photos make clear. A refund is due; the seller may appeal with new evidence." },
  { title: "Seller's evidence outweighs the claim", body: "The seller's tracking and photos show the item was delivered as described, and the buyer has not shown otherwise. The seller's answer stands." },
  { title: "Returned parcel not as sent", body: "The seller's inspection photos show the returned item is not the one sent or was damaged after delivery. The seller's rejection stands." },
  { title: "Cancel asked before shipment", body: "The buyer asked to cancel before the order shipped and the seller's reason for refusing does not hold. The order is cancelled and refunded." },
  { title: "Refund lost by the payment network", body: "The refund did not reach the buyer's payment method in time; the platform pays it to the buyer's wallet instead." },
] as const;
